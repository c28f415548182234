New-Item -ItemType Directory -Path logs | Out-Null
foreach ($n in 1..3) {
    Set-Content -Path "logs/app$n.log" -Value ("line " * $n).Trim()
}
Set-Content -Path logs/readme.txt -Value 'read me'
$logs = Get-ChildItem logs -Filter *.log
"log files: $($logs.Count)"
$logs | Sort-Object Length -Descending | Select-Object -First 1 | ForEach-Object Name
Get-ChildItem logs | Where-Object Name -like '*.txt' | Get-Content
Get-ChildItem logs -Filter *.log | Remove-Item
(Get-ChildItem logs).Name
