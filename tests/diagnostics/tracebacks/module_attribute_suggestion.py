import modules.names
modules.names.helpr()
