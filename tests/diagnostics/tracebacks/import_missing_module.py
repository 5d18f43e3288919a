import modules.nothing_here
