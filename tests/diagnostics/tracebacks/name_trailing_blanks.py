undefined_thing  
