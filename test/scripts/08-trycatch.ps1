try {
    throw 'Something failed'
} catch {
    "Caught: $($_.Exception.Message)"
} finally {
    'Cleanup'
}
try {
    Get-Item -Path ./does-not-exist -ErrorAction Stop
    'not reached'
} catch {
    "Missing: $($_.Exception.Message -replace '^.*/', '')"
}
function Test-Divide($x) { try { 10 / $x } catch { 'division failed' } }
Test-Divide 2
Test-Divide 0
$v = if ($true) { 'yes' } else { 'no' }
$v
try { [int]'abc' } catch { 'conversion failed' }
