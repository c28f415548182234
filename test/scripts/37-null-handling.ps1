$nothing = $null
if ($null -eq $nothing) { 'is null' }
if (-not $nothing) { 'falsy' }
$empty = ''
if (!$empty) { 'empty string is falsy' }
$list = @()
if (-not $list) { 'empty array is falsy' }
$zero = 0
if (!$zero) { 'zero is falsy' }
if ('0') { 'string zero is truthy' }
"[$nothing]"
$nothing.Length
@($null).Count
