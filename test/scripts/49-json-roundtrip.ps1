$settings = [ordered]@{ Name = 'backup'; Retries = 3; Targets = @('a', 'b'); Enabled = $true }
$json = $settings | ConvertTo-Json
$json
$back = $json | ConvertFrom-Json
$back.Targets[1]
$back.Retries + 1
[pscustomobject]@{ x = 1; y = $null } | ConvertTo-Json -Compress
