# expect-failed
'start'
function Fail { throw "bad thing" }
Fail
'not reached'
