$config = @{
    Servers = @('alpha', 'beta')
    Settings = @{ Retries = 3; Timeout = 30 }
}
$config.Servers[1]
$config.Settings.Retries
$config.Servers.Count
foreach ($server in $config.Servers) { "server: $server" }
$obj = [pscustomobject]@{ Name = 'x'; Tags = @('a', 'b') }
$obj.Tags -join '|'
$obj.Name = 'y'
$obj.Name
