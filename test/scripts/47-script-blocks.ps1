$square = { param($x) $x * $x }
& $square 4
$square.Invoke(5)
$ops = @{ add = { $args[0] + $args[1] }; mul = { $args[0] * $args[1] } }
& $ops.add 2 3
& $ops['mul'] 2 3
function Invoke-Twice([scriptblock]$Action) { & $Action; & $Action }
$count = 0
Invoke-Twice { $script:count++ }
$count
$filter = { $_ -gt 2 }
1..4 | Where-Object $filter
