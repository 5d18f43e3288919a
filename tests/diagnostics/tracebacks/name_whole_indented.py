if True:
    undefined_thing
