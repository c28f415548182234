New-Item -ItemType File -Path keep.txt | Out-Null
Remove-Item keep.txt -WhatIf
Test-Path keep.txt
