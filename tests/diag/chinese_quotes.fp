year 2024
title “示例区计划”
region “示例区
