task "加快建设都市型科创区" decimals 2
