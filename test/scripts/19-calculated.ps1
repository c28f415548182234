$files = @(
    [pscustomobject]@{ Name = 'a.txt'; Length = 2048 }
    [pscustomobject]@{ Name = 'b.bin'; Length = 1048576 }
)
$files | Select-Object Name, @{ Name = 'KB'; Expression = { $_.Length / 1KB } }
$files | Sort-Object -Property @{ Expression = 'Length'; Descending = $true } | ForEach-Object Name
