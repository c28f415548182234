New-Item -ItemType Directory -Path planned -WhatIf
Test-Path planned
New-Item -ItemType Directory -Path real | Out-Null
Test-Path real
