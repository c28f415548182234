$log = @(
    '2024-01-05 ERROR disk full'
    '2024-01-06 INFO started'
    '2024-01-07 ERROR timeout'
)
$errors = $log | Where-Object { $_ -match 'ERROR' }
$errors.Count
foreach ($line in $log) {
    if ($line -match '^(?<date>\S+) (?<level>\w+) (?<text>.+)$') {
        "$($Matches.level): $($Matches.text) on $($Matches.date)"
    }
}
'a1b22c333' -replace '\d+', '#'
([regex]::Escape('a.b'))
'Phone: 555-1234' -match '(\d{3})-(\d{4})' | Out-Null
$Matches[2]
