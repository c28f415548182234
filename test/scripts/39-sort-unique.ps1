$names = 'delta', 'alpha', 'charlie', 'bravo', 'Echo'
$names | Sort-Object
$names | Sort-Object -Descending | Select-Object -First 2
3, 1, 2, 3, 1 | Sort-Object -Unique
$names | Sort-Object Length, { $_ } | Select-Object -First 3
$names | Sort-Object { $_.Length } -Descending | Select-Object -First 1
