$parts = @()
foreach ($n in 1..5) {
    if ($n % 2 -eq 0) { $parts += "even$n" } else { $parts += "odd$n" }
}
$parts -join ' '
$sb = ''
for ($i = 3; $i -gt 0; $i--) { $sb += "$i..." }
$sb + 'liftoff'
$csv = "name,age`nann,31`nbob,25"
foreach ($line in $csv -split "`n" | Select-Object -Skip 1) {
    $name, $age = $line -split ','
    "$($name.ToUpper()) is $age"
}
