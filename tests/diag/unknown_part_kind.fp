part reveiw "2023年国民经济和社会发展计划执行情况"
part tasks "2024年经济社会发展主要任务"
