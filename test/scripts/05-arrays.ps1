$a = 1, 2, 3
$a.Count
$a[0]
$a[-1]
$a[1..2]
$a += 4
$a -join ','
$b = @()
$b.Count
$c = @(1)
$c.Count
$r = 1..5
$r[2]
($r | Measure-Object -Sum).Sum
$a.Contains(3)
"Items: $a"
