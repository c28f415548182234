function Format-Size {
    param([long]$Bytes)
    if ($Bytes -ge 1GB) { return '{0:N1} GB' -f ($Bytes / 1GB) }
    if ($Bytes -ge 1MB) { return '{0:N1} MB' -f ($Bytes / 1MB) }
    if ($Bytes -ge 1KB) { return '{0:N1} KB' -f ($Bytes / 1KB) }
    "$Bytes B"
}
Format-Size 512
Format-Size 2048
Format-Size (5.5 * 1MB)
Format-Size 3GB
function Show-All { foreach ($size in $args) { Format-Size $size } }
Show-All 1 1024
