# expect-failed
Write-Output -Bogus 1
1, 2, 3 | Select-Object -S 1
'after'
