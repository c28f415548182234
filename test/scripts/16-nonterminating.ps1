Write-Output 'before'
Get-Item -Path ./missing.txt
Write-Output 'after'
Get-Item -Path ./missing.txt -ErrorAction SilentlyContinue
"errors: $($Error.Count)"
Get-Item ./missing.txt -ErrorAction SilentlyContinue -ErrorVariable problems
"captured: $($problems.Count)"
