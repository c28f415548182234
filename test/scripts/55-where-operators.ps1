$items = @(
    [pscustomobject]@{ Name = 'report.docx'; Size = 5000; Tags = @('work') }
    [pscustomobject]@{ Name = 'photo.jpg'; Size = 2MB; Tags = @('home', 'camera') }
    [pscustomobject]@{ Name = 'notes.txt'; Size = 120; Tags = @() }
)
($items | Where-Object Size -lt 1KB).Name
($items | Where-Object Name -like '*.jpg').Name
($items | Where-Object Name -match '^r').Name
($items | Where-Object Tags -contains 'camera').Name
($items | Where-Object -Property Size -GE -Value 5000).Count
($items | Where-Object { $_.Tags.Count -eq 0 }).Name
