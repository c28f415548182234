$text = 'one two', 'three four five'
$text | Measure-Object -Word -Line -Character | Select-Object Lines, Words, Characters
1..10 | Measure-Object -Sum -Maximum -Minimum -Average | Select-Object Count, Sum, Maximum, Minimum, Average
