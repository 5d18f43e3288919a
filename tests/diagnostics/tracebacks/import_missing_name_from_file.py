from modules.names import helpr
