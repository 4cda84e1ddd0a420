title "福田\q区"
