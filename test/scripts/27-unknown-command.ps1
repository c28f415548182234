# expect-failed
Get-Nothing -Path x
'continues'
