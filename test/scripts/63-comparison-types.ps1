'5' + 5
5 + '5'
'5' * 3
5 -eq '5.0'
'abc' -eq $null
@(1, $null, 2) -ne $null
[int]'0x1F'
'1e3' -as [double]
(1, 2) -eq 2
