$name = 'jafs'
$text = @"
Hello $name
  Indented line
"@
$text
$literal = @'
No $expansion here
'@
$literal
$lines = $text -split "`n"
$lines.Count
