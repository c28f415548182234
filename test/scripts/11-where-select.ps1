$people = @(
    [pscustomobject]@{ Name = 'Ann'; Age = 31; City = 'Oslo' }
    [pscustomobject]@{ Name = 'Bob'; Age = 25; City = 'Bergen' }
    [pscustomobject]@{ Name = 'Cid'; Age = 42; City = 'Oslo' }
)
$people | Where-Object Age -gt 30 | Select-Object -ExpandProperty Name
$people | Where-Object { $_.City -eq 'Oslo' } | ForEach-Object { $_.Name }
$people | Sort-Object Age | Select-Object Name, Age
($people | Measure-Object Age -Average).Average
$people | ? City -eq 'Bergen' | % Name
