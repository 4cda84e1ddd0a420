# 字符串缺少右引号
title "福田区
region "福田区"
