import { area } from './area';

/** Settings → Show control → OSC control in: English first, then Korean with the same keys. */
export const oscControlMessages = area(
  {
    'osc.title': 'OSC control in',
    'osc.intro': 'Lets a lighting desk, QLab or Companion run the countdown with OSC messages, under the same rules as the console: /cuelight/arm <plan>, start, pause, resume, adjust <seconds>, gonow (twice), end, reset, mark, outcome.',
    'osc.enabled': 'Take countdown commands over OSC',
    'osc.port': 'UDP port',
    'osc.bind': 'Listen on address',
    'osc.bindHint': '127.0.0.1: this computer only. 0.0.0.0: every network (the set network too).',
    'osc.allow': 'Senders allowed (IP addresses, comma-separated)',
    'osc.allowHint': 'Messages from any other address are ignored.',
    'osc.off': 'Off: nothing listens for OSC.',
    'osc.listening': 'Listening on udp://{address}:{port}',
    'osc.portBusy': 'Port {port} is in use by another program (or another Cuelight). Pick another port and save, or quit the program that holds it.',
    'osc.noAddress': 'This computer has no address {address}. Use 127.0.0.1, 0.0.0.0, or one of this computer\'s own addresses.',
    'osc.noPermission': 'Port {port} needs administrator rights. Pick a port above 1023.',
    'osc.other': 'OSC control could not listen on {address}:{port} ({detail}). Check the address and port, then save again.',
  },
  {
    'osc.title': 'OSC 제어 입력',
    'osc.intro': '조명 콘솔, QLab, Companion이 OSC 메시지로 카운트다운을 조작합니다. 콘솔과 같은 규칙이 적용됩니다: /cuelight/arm <플랜>, start, pause, resume, adjust <초>, gonow(두 번), end, reset, mark, outcome.',
    'osc.enabled': 'OSC로 카운트다운 명령 받기',
    'osc.port': 'UDP 포트',
    'osc.bind': '수신 주소',
    'osc.bindHint': '127.0.0.1: 이 컴퓨터에서만. 0.0.0.0: 모든 네트워크(현장 네트워크 포함).',
    'osc.allow': '허용할 발신자(IP 주소, 쉼표로 구분)',
    'osc.allowHint': '다른 주소에서 온 메시지는 무시합니다.',
    'osc.off': '꺼짐: OSC를 받지 않습니다.',
    'osc.listening': 'udp://{address}:{port}에서 수신 중',
    'osc.portBusy': '{port}번 포트를 다른 프로그램(또는 다른 Cuelight)이 쓰고 있습니다. 다른 포트를 골라 저장하거나, 그 프로그램을 종료하세요.',
    'osc.noAddress': '이 컴퓨터에는 {address} 주소가 없습니다. 127.0.0.1, 0.0.0.0 또는 이 컴퓨터의 주소를 쓰세요.',
    'osc.noPermission': '{port}번 포트는 관리자 권한이 필요합니다. 1023보다 큰 포트를 고르세요.',
    'osc.other': 'OSC 제어가 {address}:{port}에서 수신하지 못했습니다({detail}). 주소와 포트를 확인하고 다시 저장하세요.',
  },
);
