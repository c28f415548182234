New-Item -ItemType Directory -Path data | Out-Null
Set-Content -Path data/a.txt -Value 'one', 'two', 'three'
Add-Content -Path data/a.txt -Value 'four'
(Get-Content data/a.txt).Count
Get-Content data/a.txt | Select-Object -First 2
Test-Path data/a.txt
Test-Path data/none.txt
Get-ChildItem data | ForEach-Object Name
Get-ChildItem data -Filter *.txt | Measure-Object | Select-Object -ExpandProperty Count
Remove-Item data -Recurse
Test-Path data
