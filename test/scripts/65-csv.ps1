$rows = @(
    [pscustomobject]@{ Name = 'a.txt'; Size = 10 }
    [pscustomobject]@{ Name = 'say "hi".txt'; Size = 20 }
)
$csv = $rows | ConvertTo-Csv
$csv
$back = $csv | ConvertFrom-Csv
$back[1].Name
($back | Measure-Object -Property Size -Sum).Sum
"x;y`n1;2" | ConvertFrom-Csv -Delimiter ';' | ForEach-Object { $_.y }
1..3 | Tee-Object -Variable seen | Out-Null
$seen -join ','
