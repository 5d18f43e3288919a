undefined_thing  # c
