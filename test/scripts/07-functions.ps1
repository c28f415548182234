function Add-Numbers {
    param([int]$A, [int]$B = 10)
    $A + $B
}
Add-Numbers 1 2
Add-Numbers -A 5
Add-Numbers -B 1 -A 2
function Get-Greeting($Name = 'World') { "Hello, $Name!" }
Get-Greeting
Get-Greeting -Name 'jafs'
function Test-Switch([switch]$Loud) { if ($Loud) { 'LOUD' } else { 'quiet' } }
Test-Switch
Test-Switch -Loud
function Get-Args { $args.Count; $args -join '+' }
Get-Args a b c
function Get-First { return 'first'; 'never' }
Get-First
