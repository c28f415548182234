'alpha', 'beta' | ForEach-Object Length
'alpha', 'beta' | ForEach-Object ToUpper
'a,b', 'c,d' | ForEach-Object Split ','
$objs = 1..3 | ForEach-Object { [pscustomobject]@{ Id = $_; Double = $_ * 2 } }
($objs | ForEach-Object Double) -join ' '
$objs.Id -join ' '
