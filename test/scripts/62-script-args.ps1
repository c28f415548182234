param([string]$Greeting = 'Hi')
"$Greeting from the script"
"args: $($args.Count)"
$PSScriptRoot -ne $null
Split-Path -Leaf $PSCommandPath
