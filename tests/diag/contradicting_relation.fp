target 载体 2024 expected 超过 385 家 以下
