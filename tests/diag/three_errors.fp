title "福田区2023年计划
year 2024
region �"福田区"

@@@
