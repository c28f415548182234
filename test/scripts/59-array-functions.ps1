$numbers = 4, 8, 15, 16, 23, 42
$stats = $numbers | Measure-Object -Sum -Average -Maximum -Minimum
"sum=$($stats.Sum) avg=$($stats.Average) max=$($stats.Maximum) min=$($stats.Minimum)"
$evens = $numbers | Where-Object { $_ % 2 -eq 0 }
"evens: $($evens -join ',')"
$doubled = foreach ($n in $numbers) { $n * 2 }
$doubled[-1]
$numbers[0..2] + $numbers[-2..-1] -join ' '
[array]::IndexOf($numbers, 15)
($numbers -ge 16).Count
