year 2024
