5 -eq 5
'abc' -eq 'ABC'
'abc' -ceq 'ABC'
5 -gt 3
'apple' -lt 'banana'
'file.txt' -like '*.txt'
'file.txt' -notlike '*.log'
'hello123' -match '\d+'
$Matches[0]
1, 2, 3 -contains 2
3 -in 1, 2, 3
1, 2, 3, 4 -gt 2
'10' -eq 10
10 -eq '10'
$null -eq $null
-not $true
!$false
$true -and $false
$true -or $false
