$first, $second = 'one', 'two'
$first
$second
$head, $rest = 1, 2, 3, 4
$head
$rest -join ','
$a = $b = 5
$a + $b
$x = 1; $y = 2
$x, $y = $y, $x
"$x $y"
