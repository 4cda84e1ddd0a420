target gdp 2024 增长 5.5%
