indicator 住房 "保障性住房" 套
  2023 actual 1.5万平方米
indicator 面积 "面积" 方
