[int]'42' + 8
[string]42 + 8
[bool]0
[bool]'false'
[double]'3.5' * 2
[int[]]('1', '2') | ForEach-Object { $_ + 1 }
$d = [datetime]'2024-02-29'
$d.Year
$d.AddDays(1).ToString('yyyy-MM-dd')
'5' -as [int]
42 -is [int]
'x' -is [string]
