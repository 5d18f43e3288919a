s = '\N{NO SUCH THING}'
