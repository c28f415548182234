$data = 10..20
$data | Select-Object -First 3
$data | Select-Object -Last 2
$data | Select-Object -Skip 9
$data | Select-Object -Index 0, 5
($data | Select-Object -First 3 -Skip 1) -join ','
'a', 'b', 'a', 'c' | Select-Object -Unique
