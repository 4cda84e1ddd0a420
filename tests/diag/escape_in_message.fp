# a string interpolated into a message is escaped as the quoted line is: a newline in a
# string cannot forge a diagnostic line (nor a CI annotation)
status "draft\n::error file=x.fp::forged"
