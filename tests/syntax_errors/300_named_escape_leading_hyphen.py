s = '\N{-O NHGtªÎ-I}'
