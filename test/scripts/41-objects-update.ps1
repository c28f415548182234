$servers = @(
    [pscustomobject]@{ Name = 'web1'; Status = 'up'; Load = 0.5 }
    [pscustomobject]@{ Name = 'web2'; Status = 'down'; Load = 0 }
    [pscustomobject]@{ Name = 'db1'; Status = 'up'; Load = 0.9 }
)
foreach ($s in $servers) {
    if ($s.Status -eq 'down') { $s.Status = 'restarting' }
}
$servers | Format-Table Name, Status
$busy = $servers | Where-Object { $_.Load -gt 0.8 }
"Busy: $($busy.Name)"
$servers.Name -join ', '
